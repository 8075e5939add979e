package dev.lightspeedsync.sync.bench;

import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.rules.BreakdownResult;
import dev.lightspeedsync.sync.rules.CompositeBreakdown;
import dev.lightspeedsync.sync.rules.CompositeConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rule 5 on realistic sizes: 1,000,000 sales lines (250,000 orders, 30% of lines composite) against
 * 10,000 composites nested up to 3 levels. One operation = one full breakdown, single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class CompositeBreakdownBenchmark {
  private CompositeBreakdown breakdown;
  private List<SalesOrder> sales;

  @Setup
  public void setUp() {
    breakdown = CompositeBreakdown.compile(BenchData.composites(), CompositeConfig.defaults(),
        BenchData.AS_OF);
    if (!breakdown.problems().isEmpty()) {
      throw new IllegalStateException("benchmark composites must be valid: "
          + breakdown.problems());
    }
    sales = BenchData.sales(250_000, 4, false);
  }

  /** Breaks down 1,000,000 sales lines. */
  @Benchmark
  public BreakdownResult breakDownMillionLines() {
    return breakdown.breakDown(sales);
  }

  /** Compiles (checks and flattens) the 10,000 composite definitions. */
  @Benchmark
  public CompositeBreakdown compileTenThousandComposites() {
    return CompositeBreakdown.compile(BenchData.composites(), CompositeConfig.defaults(),
        BenchData.AS_OF);
  }
}
