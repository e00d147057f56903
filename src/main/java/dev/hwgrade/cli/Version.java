package dev.hwgrade.cli;

import picocli.CommandLine;

/** The version hwgrade reports. */
final class Version implements CommandLine.IVersionProvider {
  static final String VERSION = "0.1.0";

  @Override
  public String[] getVersion() {
    return new String[] {"hwgrade " + VERSION};
  }
}
