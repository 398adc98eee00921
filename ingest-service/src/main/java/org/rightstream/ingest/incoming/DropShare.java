package org.rightstream.ingest.incoming;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.rightstream.ingest.incoming.InvalidIncomingReportException.Problem;

/**
 * The drop folder seen as a share that messages may name files in: a file reference is a path relative to
 * the folder and must stay inside it. Refused: absolute paths (also Windows drive and UNC forms), any
 * {@code ..} segment, names that resolve (through a symbolic link anywhere on the way) to a file outside the
 * folder, directories and special files, missing files, and files over the report size limit. No Spring.
 */
public final class DropShare {
    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final Path folder;
    private final int maxBytes;

    /**
     * @param folder   the drop folder ({@code rightstream.ingest.inbox}); relative means relative to the working directory
     * @param maxBytes the largest file that may be read
     */
    public DropShare(Path folder, int maxBytes) {
        this.folder = folder.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Checks a reference and returns the real path (no links left) of the regular file it names inside the
     * folder.
     *
     * @throws InvalidIncomingReportException when the reference may not be used, saying why
     */
    public Path resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidIncomingReportException(Problem.INVALID_REFERENCE,
                    "the file reference has an empty \"file\"; name a file inside the drop folder by its relative path");
        }
        if (reference.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidIncomingReportException(Problem.INVALID_REFERENCE,
                    "the file reference " + quote(reference) + " contains control characters");
        }
        if (reference.startsWith("/") || reference.startsWith("\\") || WINDOWS_DRIVE.matcher(reference).matches()) {
            throw outside(reference, "is an absolute path");
        }
        for (String segment : SEPARATORS.split(reference)) {
            if (segment.equals("..")) {
                throw outside(reference, "climbs out with '..'");
            }
        }
        Path relative;
        try {
            relative = Path.of(reference);
        } catch (InvalidPathException e) {
            throw new InvalidIncomingReportException(Problem.INVALID_REFERENCE,
                    "the file reference " + quote(reference) + " is not a valid path: " + e.getReason(), e);
        }
        if (relative.isAbsolute()) {
            throw outside(reference, "is an absolute path");
        }
        Path candidate = folder.resolve(relative).normalize();
        if (!candidate.startsWith(folder)) {
            throw outside(reference, "does not name a file inside it");
        }
        if (candidate.equals(folder)) {
            throw new InvalidIncomingReportException(Problem.NOT_A_FILE,
                    "the file reference " + quote(reference) + " names the drop folder itself, not a file in it");
        }
        Path root;
        try {
            root = folder.toRealPath();
        } catch (IOException e) {
            throw new InvalidIncomingReportException(Problem.FILE_NOT_FOUND,
                    "the drop folder " + folder + " does not exist or cannot be opened (" + e.getMessage()
                            + "), so the file " + quote(reference) + " cannot be read from it", e);
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (AccessDeniedException e) {
            throw new InvalidIncomingReportException(Problem.FILE_UNREADABLE,
                    "the file " + quote(reference) + " in the drop folder cannot be read: permission denied", e);
        } catch (IOException e) {
            // no such file, a file used as a folder on the way, a link loop or a dangling link: nothing to read
            if (e instanceof NoSuchFileException || !Files.exists(candidate)) {
                throw new InvalidIncomingReportException(Problem.FILE_NOT_FOUND,
                        "there is no file " + quote(reference) + " in the drop folder " + folder, e);
            }
            throw new UncheckedIOException("cannot resolve " + quote(reference) + " in the drop folder " + folder, e);
        }
        if (!real.startsWith(root)) {
            throw outside(reference, "is a link to a file outside it");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidIncomingReportException(Problem.NOT_A_FILE, "the file reference " + quote(reference)
                    + " names " + (Files.isDirectory(real) ? "a directory" : "something that is not a regular file")
                    + " in the drop folder, not a file");
        }
        try {
            long size = Files.size(real);
            if (size > maxBytes) {
                throw tooLarge(reference, size + " bytes");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + quote(reference) + " in the drop folder", e);
        }
        return real;
    }

    /**
     * Reads the file a reference names (see {@link #resolve}). A file that grows past the limit while it is
     * read is refused as too large.
     *
     * @throws InvalidIncomingReportException when the reference may not be used
     * @throws UncheckedIOException           on an I/O error that may pass (worth retrying)
     */
    public byte[] read(String reference) {
        Path file = resolve(reference);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(reference, "more than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new InvalidIncomingReportException(Problem.FILE_NOT_FOUND,
                    "the file " + quote(reference) + " disappeared from the drop folder " + folder + " before it was read", e);
        } catch (AccessDeniedException e) {
            throw new InvalidIncomingReportException(Problem.FILE_UNREADABLE,
                    "the file " + quote(reference) + " in the drop folder cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + quote(reference) + " from the drop folder " + folder, e);
        }
    }

    private InvalidIncomingReportException tooLarge(String reference, String size) {
        return new InvalidIncomingReportException(Problem.FILE_TOO_LARGE, "the file " + quote(reference)
                + " in the drop folder has " + size + "; the limit is " + maxBytes + " bytes");
    }

    private static InvalidIncomingReportException outside(String reference, String why) {
        return new InvalidIncomingReportException(Problem.OUTSIDE_DROP_FOLDER, "the file reference " + quote(reference)
                + " " + why + "; only files inside the drop folder may be named, by a path relative to it");
    }

    private static String quote(String s) {
        String shown = s.length() > 300 ? s.substring(0, 300) + "..." : s;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
