package com.rcm.j3490.reconcile;

import com.rcm.j3490.rules.Money;
import com.rcm.j3490.rules.RemittanceLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fields that make a row "the same remittance line delivered twice" (contract 2.7),
 * hashed so the unique index stays small.
 */
final class DuplicateKey {
    private DuplicateKey() {
    }

    static String of(RemittanceLine line) {
        String key = String.join("\u001F", line.payerId(), nz(line.checkNumber()), line.claimId(), line.lineNumber(),
                nz(line.claimStatus()), Money.cents(line.paidAmount()).toPlainString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The payment a line belongs to (payer and check number), as 64 bits of its SHA-256: the
     * first part of the key under which completed runs' lines are kept, so a new night looks
     * up its checks, not each of its lines.
     */
    static long checkKey(String payerId, String checkNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((nz(payerId) + "\u001F" + nz(checkNumber)).getBytes(StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The first 64 bits of a key as {@link #of} gives it: the first number under which it is kept. */
    static long high(String key) {
        return Long.parseUnsignedLong(key, 0, 16, 16);
    }

    /** The next 64 bits of a key: with {@link #high}, 128 bits of its SHA-256. */
    static long low(String key) {
        return Long.parseUnsignedLong(key, 16, 32, 16);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
