-- The district a company is registered with (issue 17): only that district's housing authority (or the city's) may
-- change it. Companies registered before this column, the demo city's included, count as registered with the
-- district where they serve the most estates (CompanyService.registeredDistrict).
ALTER TABLE property_company ADD COLUMN registered_district_id BIGINT REFERENCES region (id);
