package dev.hwgrade.cli;

import picocli.CommandLine;

/** Creates commands with the environment they run in. */
final class EnvFactory implements CommandLine.IFactory {
  private final Env env;

  EnvFactory(Env env) {
    this.env = env;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    try {
      return cls.getDeclaredConstructor(Env.class).newInstance(env);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
