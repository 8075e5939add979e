package dev.lightspeedsync.sync;

/**
 * File names of the integration guides in {@code shared/seeds/} that the rule tests enforce. Display
 * names quote the seed sentence and name the file, so a failing test points at the rule's origin.
 */
public final class Seeds {
  private Seeds() {}

  /** Inventory planner on Lightspeed eCom: visibility, purchase price, suppliers, POs, composites. */
  public static final String S000 = "[seed 000_611c21ddc54922fd.txt] ";
  /** Inventory planner on R-Series: locations, completed vs all sales, schedule. */
  public static final String S001 = "[seed 001_4dfe71d81064551b.txt] ";
  /** ERP on Retail: outlet mapping, availability, SKU spaces, master data, re-import, log. */
  public static final String S002 = "[seed 002_21fa3557293730ec.txt] ";
  /** Warehouse system on eCom: SKU linking, order modes, stock push, read-only. */
  public static final String S003 = "[seed 003_4625716a58c8fad2.txt] ";
  /** E-commerce platform on R-Series: import filters, price levels, order export, GTIN/MPN. */
  public static final String S004 = "[seed 004_f5eddcaaeab211f4.txt] ";
  /** A rule of shared/DESIGN.md section 3 that refines a seed. */
  public static final String DESIGN = "[DESIGN.md §3] ";
}
