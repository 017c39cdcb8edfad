package com.rcm.j3490.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the remittance check leaves its reading of each 835 file of a run for the reconcile step
 * ({@link com.rcm.j3490.input.x12.X12Spill}): the job's private temporary folder (the lines hold
 * patient data), one file per run and remittance file. The first step runs again on every restart,
 * in the process that then reconciles, so the reconcile step always finds the files it needs.
 */
public record X12SpillFolder(Path folder, long instanceId) {

    public Path of(RemittanceFile file) {
        return folder.resolve("x12-" + instanceId + "-" + file.order() + ".spill");
    }

    /** Removes the run's spill of this file, once reconciled (the folder itself goes when the process ends). */
    public void delete(RemittanceFile file) {
        try {
            Files.deleteIfExists(of(file));
        } catch (IOException ignored) {
            // in the job's temporary folder, removed with it
        }
    }
}
