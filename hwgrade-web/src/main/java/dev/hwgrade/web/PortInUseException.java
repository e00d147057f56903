package dev.hwgrade.web;

import java.io.IOException;

/** The port asked for is taken on 127.0.0.1; nothing was started. */
public final class PortInUseException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int port;

  public PortInUseException(int port, Throwable cause) {
    super(
        "port "
            + port
            + " is already in use on 127.0.0.1; choose another with --port, or leave --port out"
            + " for a free one",
        cause);
    this.port = port;
  }

  public int port() {
    return port;
  }
}
