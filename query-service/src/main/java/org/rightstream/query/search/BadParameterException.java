package org.rightstream.query.search;

/** A request parameter with an invalid value; the message names the parameter. */
public class BadParameterException extends RuntimeException {
    private final String parameter;

    public BadParameterException(String parameter, String problem) {
        super("parameter '" + parameter + "' " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
