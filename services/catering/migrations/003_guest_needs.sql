-- What the kitchen must know about the guests (counts and free-text notes, never names) and the room's
-- layout, for the caterer's banquet event order.
ALTER TABLE catering_orders ADD COLUMN dietary jsonb NOT NULL DEFAULT '{}';
ALTER TABLE catering_orders ADD COLUMN allergy_notes text NOT NULL DEFAULT '';
ALTER TABLE catering_orders ADD COLUMN layout text NOT NULL DEFAULT '';
