package org.rightstream.classify.category;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the service's category model comes from: a file when one is configured, else the one built in. */
public final class CategoryModels {
    /** The model trained from classify-service/training, shipped in the service jar. */
    public static final String BUILT_IN = "rightstream/model/categories.bin.gz";

    private CategoryModels() {
    }

    public static CategoryModel builtIn() {
        try (InputStream in = CategoryModels.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in category model " + BUILT_IN
                        + " is missing from the classpath; train it with ./rightstream train");
            }
            return CategoryModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in category model " + BUILT_IN, e);
        }
    }

    public static CategoryModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CategoryModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the category model " + file + ": " + e.getMessage(), e);
        }
    }
}
