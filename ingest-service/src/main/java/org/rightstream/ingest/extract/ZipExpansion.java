package org.rightstream.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.rightstream.ingest.report.ReportRejectedException;
import org.rightstream.ingest.report.ReportRejectedException.Reason;

/**
 * Guards against zip bombs before a zip-based document (DOCX, ODT, EPUB) reaches a parser. Apache POI reads
 * each part of a DOCX into one byte array before parsing it, so a 1 MB file holding a part of 1 GB of one
 * repeated character took the whole heap of the service before POI's own zip-bomb check fired. Here every
 * entry is inflated into a small buffer and thrown away, counting the bytes: more than the limit in all
 * and the file is rejected without being parsed. Inflating up to the limit costs a fraction of a second.
 */
final class ZipExpansion {
    private static final int LOCAL_HEADER = 0x04034b50;

    private ZipExpansion() {
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && ((bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8 | (bytes[2] & 0xFF) << 16
                | (bytes[3] & 0xFF) << 24) == LOCAL_HEADER;
    }

    /**
     * @throws ReportRejectedException ({@link Reason#UNREADABLE}) when the entries hold more than
     *                                 {@code maxExpandedBytes} in all
     */
    static void requireWithin(byte[] bytes, long maxExpandedBytes, String label) {
        if (!isZip(bytes)) {
            return;
        }
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > maxExpandedBytes) {
                        throw new ReportRejectedException(Reason.UNREADABLE, "the " + label + " (" + bytes.length
                                + " bytes) expands to more than " + maxExpandedBytes + " bytes when unzipped (reached in part '"
                                + abbreviate(entry.getName()) + "'): a suspected zip bomb; it was not read");
                    }
                }
            }
        } catch (IOException e) {
            // A zip this reader cannot walk (e.g. stored entries with data descriptors) is left to the parser,
            // which reports a damaged file in its own words; the parser's own limits still apply.
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
