-- Issue 22: a report that gives only the month of its fieldwork ("Fieldwork started: April 2019",
-- Dudley, 002_b3ff77846e023e08.txt) is shown with that month, never with invented days; and the
-- report's own way of listing a sample (St Helens and Blackpool write a serial comma: "four
-- community resolutions, and three other disposals"; Wigan and Leicestershire do not).
ALTER TABLE "inspections" ADD COLUMN IF NOT EXISTS "fieldwork_month_only" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "inspections" ADD COLUMN IF NOT EXISTS "report_serial_comma" BOOLEAN NOT NULL DEFAULT false;
