package com.rcm.j3490.job;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.stereotype.Component;

/**
 * Refuses a {@code recon.*} setting that no part of the job reads ({@code --recon.skip-limt=5}):
 * ignored silently, it would run the night with a setting the manager believes changed. Checked
 * at start, on the command line, {@code application.properties} and every other property file;
 * not on environment variables, where unrelated {@code RECON_*} variables may exist.
 */
@Component
public class ReconPropertyNames {
    static final String PREFIX = "recon";
    /** {@code recon.*} settings read outside {@link ReconProperties}. */
    static final List<String> OTHER_OWNERS = List.of("recon.console", "recon.repository", "recon.runner");

    public ReconPropertyNames(ConfigurableEnvironment environment) {
        check(environment);
    }

    static void check(ConfigurableEnvironment environment) {
        List<ConfigurationPropertyName> known = known().stream().map(ConfigurationPropertyName::of).toList();
        List<ConfigurationPropertyName> others = OTHER_OWNERS.stream().map(ConfigurationPropertyName::of).toList();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)
                    || source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
                    || source.getName().equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                continue;
            }
            for (String raw : enumerable.getPropertyNames()) {
                if (!raw.toLowerCase(Locale.ROOT).startsWith(PREFIX + ".")) {
                    continue;
                }
                ConfigurationPropertyName name = ConfigurationPropertyName.adapt(raw, '.');
                boolean readSomewhere = known.stream().anyMatch(k -> k.equals(name) || k.isAncestorOf(name))
                        || others.stream().anyMatch(o -> o.equals(name) || o.isAncestorOf(name));
                if (!readSomewhere) {
                    throw new UserError(ExitCode.REFUSED, "Refused: unknown property " + raw
                            + suggestion(raw).map(s -> " (did you mean " + s + "?)").orElse("")
                            + "; the recon.* properties are listed in the README, \"Properties\".");
                }
            }
        }
    }

    /** Every property name {@link ReconProperties} binds, in the canonical kebab-case form. */
    static List<String> known() {
        List<String> names = new ArrayList<>();
        collect(PREFIX, ReconProperties.class, names);
        return names;
    }

    private static void collect(String prefix, Class<?> type, List<String> names) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord()) {
                collect(name, component.getType(), names);
            } else {
                names.add(name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The known name closest to a mistyped one, when it is close enough to be meant. */
    static Optional<String> suggestion(String raw) {
        String typed = raw.toLowerCase(Locale.ROOT);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return known().stream().min(Comparator.comparingInt(k -> distance.apply(k, typed)))
                .filter(k -> distance.apply(k, typed) <= Math.max(2, k.length() / 5));
    }
}
