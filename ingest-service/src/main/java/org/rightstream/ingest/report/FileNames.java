package org.rightstream.ingest.report;

/**
 * The name a report is known by when its sender chose it (an HTTP upload's file name, the {@code fileName}
 * header of a {@code reports.incoming} message). It is only a label: it is stored in the registry and the
 * index and shown on the dashboard, never used to open or write a file. A hostile sender may still put
 * {@code ../} segments in it (to look like a path elsewhere), control characters (to forge log lines or
 * terminal colours) or megabytes of text, so it is reduced to its last path segment without control
 * characters, at most {@link #MAX_CHARS} characters long.
 */
public final class FileNames {
    /** As most file systems allow. */
    public static final int MAX_CHARS = 255;
    /** The name of a file whose given name has nothing left once cleaned. */
    public static final String UNNAMED = "upload";

    private FileNames() {
    }

    public static String plain(String given) {
        if (given == null) {
            return UNNAMED;
        }
        StringBuilder clean = new StringBuilder(Math.min(given.length(), 1024));
        for (int i = 0; i < given.length(); ) {
            int c = given.codePointAt(i);
            i += Character.charCount(c);
            // Cc (C0, DEL, C1) and the bidirectional overrides that make a name display as another.
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                continue;
            }
            clean.appendCodePoint(c);
        }
        String name = clean.toString();
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(cut + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return UNNAMED;
        }
        if (name.length() > MAX_CHARS) {
            // Keep the end: the extension tells the file's type.
            int start = name.length() - MAX_CHARS;
            if (Character.isLowSurrogate(name.charAt(start))) {
                start++;
            }
            name = name.substring(start);
        }
        return name;
    }
}
