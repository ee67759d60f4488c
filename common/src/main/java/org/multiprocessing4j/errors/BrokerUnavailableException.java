package org.multiprocessing4j.errors;

/** No broker could be reached within the configured connect timeout. The message names the (masked) URI. */
public class BrokerUnavailableException extends MpException {
    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
