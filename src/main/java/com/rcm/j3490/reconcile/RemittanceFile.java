package com.rcm.j3490.reconcile;

import java.nio.file.Path;

/** A remittance file a run reads, in the run's order. */
public record RemittanceFile(int order, String name, Path path) {
}
