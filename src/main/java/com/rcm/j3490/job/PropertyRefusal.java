package com.rcm.j3490.job;

import java.time.Duration;
import java.nio.file.Path;
import java.util.Collection;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.ResolvableType;

/** One line for a setting whose value cannot be read ({@code --recon.chunk-size=abc}): the property and what it takes. */
public final class PropertyRefusal {
    private PropertyRefusal() {
    }

    public static String describe(BindException e) {
        ConfigurationProperty property = e.getProperty();
        String name = property != null ? property.getName().toString() : e.getName().toString();
        String value = property != null && property.getValue() != null ? " '" + property.getValue() + "'" : "";
        return "Refused: property " + name + value + " is not " + expected(e.getTarget().getType()) + ".";
    }

    private static String expected(ResolvableType type) {
        Class<?> c = type.resolve(Object.class);
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return "a whole number";
        }
        if (c == Duration.class) {
            return "a duration like 60s, 10m or 1h";
        }
        if (c == Path.class) {
            return "a file or folder path";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(c)) {
            return "a comma-separated list";
        }
        return "a valid " + c.getSimpleName();
    }
}
