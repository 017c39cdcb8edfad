package com.rcm.j3490.input.x12;

/**
 * Which sending of a claim is the latest: the 837's BHT04 date and BHT05 time, then the file's
 * position in name order (contract 5.3). A claim-lines CSV has no BHT: its stamp is empty.
 */
public record ClaimVersion(String bhtStamp, int fileOrder) implements Comparable<ClaimVersion> {
    public static ClaimVersion of(String bht04, String bht05, int fileOrder) {
        String time = bht05 == null ? "" : bht05;
        StringBuilder padded = new StringBuilder(time);
        while (padded.length() < 8) {
            padded.append('0');
        }
        return new ClaimVersion((bht04 == null ? "" : bht04) + padded, fileOrder);
    }

    @Override
    public int compareTo(ClaimVersion o) {
        int byStamp = bhtStamp.compareTo(o.bhtStamp);
        return byStamp != 0 ? byStamp : Integer.compare(fileOrder, o.fileOrder);
    }
}
