package dev.hwgrade.cli;

import picocli.CommandLine;

/** The version hwgrade reports. */
final class Version implements CommandLine.IVersionProvider {
  static final String VERSION = dev.hwgrade.Hwgrade.VERSION;

  @Override
  public String[] getVersion() {
    return new String[] {"hwgrade " + VERSION};
  }
}
