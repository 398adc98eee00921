package org.rightstream.classify;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param modelFile          a category model written by {@code ./rightstream train}; unset means the model built
 *                           into the service jar
 * @param secondaryThreshold calibrated probability from which a category other than the primary one is listed
 */
@ConfigurationProperties("rightstream.classify")
public record ClassifyProperties(Path modelFile, @DefaultValue("0.25") double secondaryThreshold) {
    public static final double DEFAULT_SECONDARY_THRESHOLD = 0.25;
}
