package org.rightstream.classify;

import java.time.Clock;
import java.util.function.Function;
import org.rightstream.classify.stream.ClassifyFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The classifier and the stream function bound (by name) to report.chunks. */
@Configuration(proxyBeanMethods = false)
public class ClassifyConfiguration {

    @Bean
    PassageClassifier passageClassifier() {
        return newClassifier();
    }

    /** The stream's classifier built without Spring, so the reclassify replay labels with exactly the same model. */
    public static PassageClassifier newClassifier() {
        return new BaselineClassifier(Clock.systemUTC());
    }

    @Bean
    Function<Message<byte[]>, Message<byte[]>> classify(PassageClassifier classifier) {
        return new ClassifyFunction(classifier);
    }
}
