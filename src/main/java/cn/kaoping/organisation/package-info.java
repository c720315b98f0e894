/**
 * The registry: the region tree, property companies and their project managers, estates, owners' committees
 * and households, with scope-checked screens, API and Excel import/export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation (registry)")
package cn.kaoping.organisation;
