package dev.hwgrade.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;

/** What a command may touch of the outside world: its streams and the clock. */
public record Env(InputStream in, PrintStream out, PrintStream err, Clock clock) {}
