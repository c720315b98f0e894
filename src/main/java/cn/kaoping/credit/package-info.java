/**
 * Credit files 诚信档案 (issue 8; seed 003, seed 000 line 21, seed 001 row 16): good and bad records about property
 * companies and their project managers, from Kaoping's own events and entered by street and district staff; a credit
 * score per year by a versioned rule set that is data; the credit ranking per district and city; disputes; the public
 * list of valid bad records and the export for the shared credit platform. Other modules read it through
 * {@link cn.kaoping.credit.CreditFiles}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit")
package cn.kaoping.credit;
