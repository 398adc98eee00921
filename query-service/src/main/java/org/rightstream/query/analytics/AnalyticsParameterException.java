package org.rightstream.query.analytics;

/** A request parameter of the analytics API with an invalid value; the message names the parameter. */
public class AnalyticsParameterException extends RuntimeException {
    private final String parameter;

    public AnalyticsParameterException(String parameter, String problem) {
        super("parameter '" + parameter + "' " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
