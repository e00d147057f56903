package dev.hwgrade.cli;

import picocli.CommandLine.Command;

/** The top-level command; the work is in its subcommands. */
@Command(
    name = "hwgrade",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Grades language models' answers to homework against the answer key and writes an analysis report.",
    subcommands = {
      GradeCommand.class,
      AskCommand.class,
      SettleCommand.class,
      PendingCommand.class,
      ReviewCommand.class,
      VerifyCommand.class,
      ValidateCommand.class,
      BenchCommand.class,
      TrainCommand.class
    },
    footer = {"", "Exit codes: 0 ok, 1 failure, 2 usage or input error."})
final class HwgradeCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(),
        "a command is required: grade, settle, pending, review, verify or validate");
  }
}
