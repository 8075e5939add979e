package dev.lightspeedsync.client.xseries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.client.internal.xseries.XSeriesJson;
import dev.lightspeedsync.client.xseries.model.Consignment;
import dev.lightspeedsync.client.xseries.model.ConsignmentProduct;
import dev.lightspeedsync.client.xseries.model.ConsignmentStatus;
import dev.lightspeedsync.client.xseries.model.ConsignmentType;
import dev.lightspeedsync.client.xseries.model.Inventory;
import dev.lightspeedsync.client.xseries.model.LineItemStatus;
import dev.lightspeedsync.client.xseries.model.Outlet;
import dev.lightspeedsync.client.xseries.model.Product;
import dev.lightspeedsync.client.xseries.model.Retailer;
import dev.lightspeedsync.client.xseries.model.Sale;
import dev.lightspeedsync.client.xseries.model.SaleStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The models read the shapes of the official spec's examples, and the quirks the fact sheet names. */
class XSeriesModelTest {
  static final ObjectMapper MAPPER = XSeriesJson.mapper();

  @ParameterizedTest(name = "{0}: completed={1}, open={2}")
  @CsvSource({
      "SAVED, false, true",
      "CLOSED, true, false",
      "ONACCOUNT, false, true",
      "ONACCOUNT_CLOSED, true, false",
      "LAYBY, false, true",
      "LAYBY_CLOSED, true, false",
      "AWAITING_DISPATCH, false, true",
      "AWAITING_PICKUP, false, true",
      "DISPATCHED_CLOSED, true, false",
      "PICKED_UP_CLOSED, true, false",
      "VOIDED, false, false",
      "SERVICE, false, true",
      "SERVICE_CLOSED, true, false",
      "SOMETHING_NEW, false, false",
  })
  void everySaleStatusOfTheTableIsReadAndClassified(String wire, boolean completed, boolean open) throws Exception {
    Sale sale = MAPPER.readValue("{\"id\":\"s1\",\"status\":\"" + wire + "\"}", Sale.class);
    SaleStatus status = sale.status();
    assertThat(status).isEqualTo(wire.equals("SOMETHING_NEW") ? SaleStatus.UNKNOWN : SaleStatus.valueOf(wire));
    assertThat(sale.statusRaw()).contains(wire);
    assertThat(status.completed()).isEqualTo(completed);
    assertThat(status.open()).isEqualTo(open);
  }

  @Test
  void aSaleFromTheSpecExampleReadsWithLinesAndPayments() throws Exception {
    String json = "{\"id\":\"b8ca3a65-0183-11e4-fbb5-39f7fce5e39b\",\"outlet_id\":\"b1e04bd8\",\"register_id\":\"b1e198a9\","
        + "\"user_id\":\"b1ed6158\",\"customer_id\":\"b1cabb53\",\"invoice_number\":\"1036\",\"status\":\"CLOSED\","
        + "\"note\":\"\",\"short_code\":\"xamfvy\",\"total_price\":200,\"total_tax\":30,\"total_loyalty\":23,"
        + "\"created_at\":\"2014-09-11T21:09:59+00:00\",\"updated_at\":\"2014-09-18T01:37:59+00:00\","
        + "\"sale_date\":\"2014-09-18T01:37:56+00:00\",\"version\":1234,"
        + "\"line_items\":[{\"id\":\"a604d16b\",\"product_id\":\"p1\",\"quantity\":-1,\"price\":100,\"cost\":20,"
        + "\"price_set\":0,\"sequence\":\"0\",\"is_return\":true,\"status\":\"CONFIRMED\",\"tax_components\":[]}],"
        + "\"payments\":[{\"retailer_payment_type_id\":\"rpt\",\"payment_date\":\"2014-09-18 01:37:56\",\"amount\":230}],"
        + "\"taxes\":[{\"id\":\"t\",\"amount\":30}],\"adjustments\":[],\"attributes\":[]}";
    Sale sale = MAPPER.readValue(json, Sale.class);
    assertThat(sale.note()).isEmpty(); // "" is absent
    assertThat(sale.totalPrice()).contains(new BigDecimal("200"));
    assertThat(sale.saleDate()).contains(Instant.parse("2014-09-18T01:37:56Z"));
    assertThat(sale.lineItems()).singleElement().satisfies(l -> {
      assertThat(l.quantity()).contains(new BigDecimal("-1"));
      assertThat(l.status()).isEqualTo(LineItemStatus.CONFIRMED);
      assertThat(l.priceSet()).contains(false);
      assertThat(l.sequence()).contains(0L);
    });
    assertThat(sale.payments()).singleElement().satisfies(p ->
        assertThat(p.paymentDate()).contains(Instant.parse("2014-09-18T01:37:56Z")));
  }

  @Test
  void negativeInventoryIsLegal() throws Exception {
    Inventory inv = MAPPER.readValue("{\"id\":\"i\",\"product_id\":\"p\",\"outlet_id\":\"o\",\"inventory_level\":-10,"
        + "\"reorder_point\":null,\"version\":1639940}", Inventory.class);
    assertThat(inv.inventoryLevel()).contains(new BigDecimal("-10"));
    assertThat(inv.reorderPoint()).isEmpty();
    assertThat(inv.version()).contains(1639940L);
  }

  @Test
  void consignmentProductQuantitiesAndCostTypedAsStringsAreReadAsDecimals() throws Exception {
    ConsignmentProduct line = MAPPER.readValue("{\"product_id\":\"p\",\"product_sku\":\"SKU\",\"count\":\"12.5\","
        + "\"received\":\"\",\"cost\":\"4.20\",\"is_included\":true,\"status\":\"PENDING\",\"version\":55}",
        ConsignmentProduct.class);
    assertThat(line.count()).contains(new BigDecimal("12.5"));
    assertThat(line.received()).isEmpty();
    assertThat(line.cost()).contains(new BigDecimal("4.20"));
    ConsignmentProduct numbers = MAPPER.readValue("{\"product_id\":\"p\",\"count\":3,\"received\":2}",
        ConsignmentProduct.class);
    assertThat(numbers.received()).contains(new BigDecimal("2"));
  }

  @Test
  void consignmentTypesAndStatusesAreOpenEnums() throws Exception {
    Consignment c = MAPPER.readValue("{\"id\":\"c\",\"outlet_id\":\"o\",\"name\":\"note\",\"type\":\"SUPPLIER\","
        + "\"status\":\"DISPATCHED\",\"reference\":\"PO-1\",\"due_at\":null}", Consignment.class);
    assertThat(c.type()).isEqualTo(ConsignmentType.SUPPLIER);
    assertThat(c.status()).isEqualTo(ConsignmentStatus.DISPATCHED);
    Consignment future = MAPPER.readValue("{\"id\":\"c\",\"type\":\"WAREHOUSE\",\"status\":\"AWAITING_QC\"}",
        Consignment.class);
    assertThat(future.type()).isEqualTo(ConsignmentType.UNKNOWN);
    assertThat(future.status()).isEqualTo(ConsignmentStatus.UNKNOWN);
    assertThat(future.statusRaw()).contains("AWAITING_QC");
  }

  @Test
  void aProductReadsVariantsSuppliersPricesImagesAndAnOptionalBillOfMaterials() throws Exception {
    String json = "{\"id\":\"v1\",\"name\":\"Tee\",\"variant_name\":\"Tee / Red\",\"handle\":\"tee\",\"sku\":\"TEE-R\","
        + "\"variant_parent_id\":\"fam\",\"variant_options\":[{\"id\":\"x\",\"name\":\"Colour\",\"value\":\"Red\"}],"
        + "\"price_including_tax\":23,\"price_excluding_tax\":20,\"supply_price\":\"8.5\",\"supplier_id\":\"s\","
        + "\"product_suppliers\":[{\"supplier_id\":\"s\",\"supplier_name\":\"S\",\"code\":\"S-1\",\"price\":8.5}],"
        + "\"images\":[{\"id\":\"img\",\"url\":\"https://x/i.png\",\"version\":3}],\"tag_ids\":[\"t1\"],"
        + "\"is_composite\":true,\"composite\":[{\"product_id\":\"c1\",\"quantity\":2}],"
        + "\"type\":{},\"supplier\":{},\"brand\":{},\"categories\":[],\"weight_unit\":\"KG\",\"version\":59780745}";
    Product p = MAPPER.readValue(json, Product.class);
    assertThat(p.variantParentId()).contains("fam");
    assertThat(p.variantOptions()).singleElement().satisfies(o -> assertThat(o.value()).contains("Red"));
    assertThat(p.supplyPrice()).contains(new BigDecimal("8.5"));
    assertThat(p.productSuppliers()).singleElement().satisfies(s -> assertThat(s.code()).contains("S-1"));
    assertThat(p.images()).singleElement().satisfies(i -> assertThat(i.url()).contains("https://x/i.png"));
    assertThat(p.composite()).contains(true);
    assertThat(p.components()).singleElement().satisfies(c -> assertThat(c.quantity()).contains(new BigDecimal("2")));
    // [U] whether a 2.0 read carries the bill of materials: without it the list is empty, the flag stays.
    Product without = MAPPER.readValue("{\"id\":\"c\",\"is_composite\":true}", Product.class);
    assertThat(without.components()).isEmpty();
    assertThat(without.composite()).contains(true);
  }

  @ParameterizedTest(name = "retailer timezone as {0}, currency as {1}")
  @CsvSource(delimiter = '|', value = {
      "\"Pacific/Auckland\" | {\"code\":\"NZD\",\"symbol\":\"$\"}",
      "{\"name\":\"Pacific/Auckland\",\"offset\":\"+13:00\"} | \"NZD\"",
  })
  void theRetailerTimezoneAndCurrencyAreReadWhetherAStringOrTheObjectTheSpecDeclares(String zone, String currency)
      throws Exception {
    Retailer r = MAPPER.readValue("{\"id\":\"r\",\"domain_prefix\":\"mystore\",\"timezone\":" + zone + ","
        + "\"tax_exclusive\":true,\"currency\":" + currency + "}", Retailer.class);
    assertThat(r.timezone()).contains("Pacific/Auckland");
    assertThat(r.currency()).contains("NZD");
  }

  @Test
  void anOutletKeepsItsOwnTimeZone() throws Exception {
    Outlet o = MAPPER.readValue("{\"id\":\"o\",\"name\":\"Main\",\"time_zone\":\"Australia/Sydney\",\"deleted_at\":null,"
        + "\"version\":8}", Outlet.class);
    assertThat(o.timeZone()).contains("Australia/Sydney");
    assertThat(o.deleted()).isFalse();
  }
}
