package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeedsync.testkit.internal.XIds;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** X-Series ids encode (table, ordinal) and decode back; other strings decode to nothing. */
class XSeriesIdsTest {
  private final XIds ids = new XIds(42, 16);

  @ParameterizedTest
  @CsvSource({"2, 1", "2, 10", "2, 999999", "3, 3000000", "8, 123456789012"})
  void roundTrips(int table, long ordinal) {
    String id = ids.id(table, ordinal);
    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(ids.ordinal(table, id)).isEqualTo(ordinal);
    assertThat(ids.ordinal(table == 2 ? 3 : 2, id)).as("another table's id").isEqualTo(-1);
    assertThat(new XIds(43, 16).ordinal(table, id)).as("another seed's id").isEqualTo(-1);
  }

  @ParameterizedTest
  @CsvSource({"''", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "0ADFD74A-153E-11E9-FA42-67B5781BA1FB"})
  void rejectsForeignIds(String id) {
    assertThat(ids.ordinal(2, id)).isEqualTo(-1);
  }

  @Test
  void idsAreDistinct() {
    Set<String> seen = new HashSet<>();
    for (long i = 1; i <= 100_000; i++) {
      assertThat(seen.add(ids.id(2, i))).isTrue();
    }
  }
}
