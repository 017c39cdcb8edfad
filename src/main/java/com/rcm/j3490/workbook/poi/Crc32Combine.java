package com.rcm.j3490.workbook.poi;

/**
 * The CRC-32 of two byte sequences joined, from their own CRCs and the second's length (the
 * GF(2) matrix method of zlib's {@code crc32_combine}; the JDK does not expose it). Lets a zip
 * entry be assembled from parts compressed at different times without reading them again.
 */
final class Crc32Combine {
    /** The reflected CRC-32 polynomial of zip (and {@link java.util.zip.CRC32}). */
    private static final long POLYNOMIAL = 0xEDB88320L;

    private Crc32Combine() {
    }

    static long combine(long crc1, long crc2, long length2) {
        if (length2 <= 0) {
            return crc1;
        }
        long[] even = new long[32];
        long[] odd = new long[32];
        // odd: the operator for one zero bit
        odd[0] = POLYNOMIAL;
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long crc = crc1;
        long remaining = length2;
        // apply length2 zero bytes to crc1: the first square gives the operator for one zero byte
        do {
            square(even, odd);
            if ((remaining & 1) != 0) {
                crc = times(even, crc);
            }
            remaining >>>= 1;
            if (remaining == 0) {
                break;
            }
            square(odd, even);
            if ((remaining & 1) != 0) {
                crc = times(odd, crc);
            }
            remaining >>>= 1;
        } while (remaining != 0);
        return crc ^ crc2;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
