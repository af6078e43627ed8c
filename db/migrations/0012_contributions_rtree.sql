-- Spatial index of the contributions' bounding boxes (SQLite R*Tree), kept in step by triggers:
-- the OGC API's bbox queries read it instead of scanning. R*Tree stores 32-bit floats rounded
-- outwards, so it may return a few extra candidates; queries re-check the exact bbox columns.
CREATE VIRTUAL TABLE `contributions_rtree` USING rtree(id, min_lon, max_lon, min_lat, max_lat);
--> statement-breakpoint
INSERT INTO contributions_rtree (id, min_lon, max_lon, min_lat, max_lat)
  SELECT id, min_lon, max_lon, min_lat, max_lat FROM contributions WHERE min_lon IS NOT NULL AND max_lon IS NOT NULL AND min_lat IS NOT NULL AND max_lat IS NOT NULL;
--> statement-breakpoint
CREATE TRIGGER `contributions_rtree_insert` AFTER INSERT ON `contributions`
WHEN new.min_lon IS NOT NULL AND new.max_lon IS NOT NULL AND new.min_lat IS NOT NULL AND new.max_lat IS NOT NULL BEGIN
  INSERT INTO contributions_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (new.id, new.min_lon, new.max_lon, new.min_lat, new.max_lat);
END;
--> statement-breakpoint
CREATE TRIGGER `contributions_rtree_update` AFTER UPDATE OF min_lon, max_lon, min_lat, max_lat ON `contributions` BEGIN
  DELETE FROM contributions_rtree WHERE id = old.id;
  INSERT INTO contributions_rtree (id, min_lon, max_lon, min_lat, max_lat)
    SELECT new.id, new.min_lon, new.max_lon, new.min_lat, new.max_lat
    WHERE new.min_lon IS NOT NULL AND new.max_lon IS NOT NULL AND new.min_lat IS NOT NULL AND new.max_lat IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `contributions_rtree_delete` AFTER DELETE ON `contributions` BEGIN
  DELETE FROM contributions_rtree WHERE id = old.id;
END;
