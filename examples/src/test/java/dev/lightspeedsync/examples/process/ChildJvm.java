package dev.lightspeedsync.examples.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A child JVM on the test classpath, for tests that kill a process ({@code destroyForcibly()} is
 * SIGKILL; {@link #sigterm()} is SIGTERM). Its stdout lines are collected as they come, so a test can
 * wait for a line that signals readiness; stderr is collected too.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();
  private final Thread outReader;
  private final Thread errReader;

  private ChildJvm(Process process) {
    this.process = process;
    this.outReader = pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
        line -> {
          out.add(line);
          lines.add(line);
        });
    this.errReader = pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)),
        err::add);
  }

  /** Starts {@code mainClass} with {@code args} in {@code workDir}. */
  public static ChildJvm start(Path workDir, Class<?> mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Xmx256m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add(mainClass.getName());
    cmd.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(cmd).directory(workDir.toFile()).start());
  }

  private static Thread pump(BufferedReader reader, java.util.function.Consumer<String> sink) {
    Thread t = new Thread(() -> {
      try (reader) {
        String line;
        while ((line = reader.readLine()) != null) {
          sink.accept(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Waits for a stdout line starting with {@code prefix} and returns it. */
  public String awaitLine(String prefix, long timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("the child printed no line starting with '" + prefix + "' within " + timeoutSeconds
            + " s (alive: " + process.isAlive() + ")\nstdout: " + out + "\nstderr: " + err);
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /**
   * Sends SIGTERM. Not {@code Process.destroy()}: that also closes the pipes on this side, so what
   * the child prints while it shuts down would be lost.
   */
  public void sigterm() {
    process.toHandle().destroy();
  }

  public Process process() {
    return process;
  }

  /** Waits for the process to end and for its output to be read; returns the exit status. */
  public int waitFor(long timeoutSeconds) throws InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      throw new AssertionError("the child did not end within " + timeoutSeconds + " s\nstdout: " + out
          + "\nstderr: " + err);
    }
    outReader.join(TimeUnit.SECONDS.toMillis(timeoutSeconds));
    errReader.join(TimeUnit.SECONDS.toMillis(timeoutSeconds));
    return process.exitValue();
  }

  public String out() {
    return String.join("\n", out);
  }

  public String err() {
    return String.join("\n", err);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
