package dev.lightspeedsync.sync.rules;

import static dev.lightspeedsync.sync.Fixtures.AS_OF;
import static dev.lightspeedsync.sync.Fixtures.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lightspeedsync.sync.Fixtures;
import dev.lightspeedsync.sync.Seeds;
import dev.lightspeedsync.sync.model.ReasonCode;
import dev.lightspeedsync.sync.model.RecordIssue;
import dev.lightspeedsync.sync.model.SaleStatus;
import dev.lightspeedsync.sync.model.SalesLine;
import dev.lightspeedsync.sync.model.SalesOrder;
import dev.lightspeedsync.sync.model.Sku;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkuRuleTest {
  private static final SkuRule STRIP = SkuRule.of(SkuConfig.defaults());

  private static Sku ls(String id, String code) {
    return sku(id).sku(Optional.ofNullable(code)).build();
  }

  @Test
  @DisplayName(Seeds.S003 + "'If the product code (SKU) is the same in both Picqer and Lightspeed,"
      + " the product will be linked automatically'")
  void linksBySku() {
    LinkResult result = STRIP.link(List.of(ls("1", "ABC"), ls("2", "XYZ")),
        List.of(HostProductRef.of("h1", "ABC"), HostProductRef.of("h9", "NOPE")), AS_OF);

    assertThat(result.links()).extracting(SkuLink::hostId, SkuLink::skuId, SkuLink::sku)
        .containsExactly(tuple("h1", "1", "ABC"));
    assertThat(result.unlinkedHostIds()).containsExactly("h9");
    assertThat(result.issues()).isEmpty();
  }

  @Test
  @DisplayName(Seeds.S003 + "'Picqer can only import products that have a unique SKU in Lightspeed."
      + " This is not a mandatory field': missing and duplicate SKUs are reported, never guessed")
  void missingAndDuplicateSkusAreReported() {
    LinkResult result = STRIP.link(
        List.of(ls("1", null), ls("2", "DUP"), ls("3", "DUP"), ls("4", "  "), ls("5", "OK")),
        List.of(HostProductRef.of("h1", "DUP"), HostProductRef.of("h2", "OK"),
            HostProductRef.of("h3", "OK")), AS_OF);

    assertThat(result.links()).isEmpty();
    assertThat(result.unlinkedSkuIds()).isEmpty();
    assertThat(result.unlinkedHostIds()).isEmpty();
    assertThat(result.issues()).extracting(RecordIssue::recordId, RecordIssue::reason)
        .containsExactly(tuple("1", ReasonCode.SKU_MISSING), tuple("4", ReasonCode.SKU_MISSING),
            tuple("2", ReasonCode.SKU_DUPLICATE), tuple("3", ReasonCode.SKU_DUPLICATE),
            tuple("h2", ReasonCode.SKU_DUPLICATE), tuple("h3", ReasonCode.SKU_DUPLICATE));
    assertThat(result.issues().get(0).remedy()).contains("unique SKU");
  }

  @ParameterizedTest(name = "{0}: host ''{1}'' vs Lightspeed ''{2}'' -> linked {3}")
  @CsvSource({
      "STRIP_ALL,AB 12,AB12,true",
      "STRIP_ALL,' AB12 ',AB12,true",
      "STRIP_ALL,AB 12,A B12,true",
      "TRIM,' AB12 ',AB12,true",
      "TRIM,AB 12,AB12,false",
      "EXACT,AB 12,AB12,false",
      "EXACT,ab12,AB12,false"})
  @DisplayName(Seeds.S002 + "'spacing is removed ... when it is sent to Lightspeed. Consequently, when"
      + " you sell a product in Lightspeed, the sale cannot go back ... when the product codes do"
      + " not match': whitespace is handled the same way on both sides")
  void whitespaceHandledConsistently(WhitespacePolicy policy, String hostCode, String lsCode,
      boolean linked) {
    SkuRule rule = SkuRule.of(SkuConfig.builder().whitespace(policy).build());

    LinkResult result = rule.link(List.of(ls("1", lsCode)),
        List.of(HostProductRef.of("h1", hostCode)), AS_OF);

    assertThat(result.links()).hasSize(linked ? 1 : 0);
  }

  @Test
  @DisplayName(Seeds.S002 + "the code sent to Lightspeed is the normalised one, so a Lightspeed sale"
      + " of it links back to the host product")
  void exportedCodeLinksBack() {
    String exported = STRIP.normalize("AB 12");
    LinkResult back = STRIP.link(List.of(ls("1", exported)),
        List.of(HostProductRef.of("h1", "AB 12")), AS_OF);

    assertThat(exported).isEqualTo("AB12");
    assertThat(back.links()).extracting(SkuLink::hostId).containsExactly("h1");
  }

  @Test
  @DisplayName(Seeds.S002 + "two host codes that differ only in spaces collide after stripping and"
      + " are reported as duplicates instead of linked at random")
  void whitespaceCollisionIsDuplicate() {
    LinkResult result = STRIP.link(List.of(ls("1", "AB12")),
        List.of(HostProductRef.of("h1", "AB 12"), HostProductRef.of("h2", "AB12")), AS_OF);

    assertThat(result.links()).isEmpty();
    assertThat(result.issues()).extracting(RecordIssue::reason)
        .containsOnly(ReasonCode.SKU_DUPLICATE);
  }

  @Test
  @DisplayName(Seeds.S003 + "'there is also a button Import products ... Picqer will import all"
      + " products from Lightspeed': unlinked Lightspeed SKUs are the import candidates")
  void unlinkedLightspeedSkusAreImportCandidates() {
    LinkResult result = STRIP.link(List.of(ls("1", "A"), ls("2", "B"), ls("3", "C")),
        List.of(HostProductRef.of("h1", "B")), AS_OF);

    assertThat(result.unlinkedSkuIds()).containsExactly("1", "3");
  }

  @Test
  @DisplayName(Seeds.S003 + "'With every order, all the missing products from that order will be"
      + " imported automatically'")
  void missingProductsOfOrders() {
    SalesOrder o1 = Fixtures.retailSale("S1", SaleStatus.COMPLETED).lines(List.of(
        SalesLine.of("1", "known", 1), SalesLine.of("2", "new1", 1))).build();
    SalesOrder o2 = Fixtures.retailSale("S2", SaleStatus.COMPLETED).lines(List.of(
        SalesLine.of("1", "new2", 1), SalesLine.of("2", "new1", 3))).build();

    assertThat(SkuRule.missingProducts(List.of(o1, o2), Set.of("known")))
        .containsExactly("new1", "new2");
  }
}
