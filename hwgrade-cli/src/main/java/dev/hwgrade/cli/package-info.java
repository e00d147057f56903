/**
 * The command line: thin picocli commands over the load, grade, analyze and report packages. {@link
 * dev.hwgrade.cli.Main#main(java.io.InputStream, java.io.PrintStream, java.io.PrintStream,
 * String...)} returns the exit code, so tests drive the real entry point with captured streams.
 */
package dev.hwgrade.cli;
