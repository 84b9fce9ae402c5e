-- Staff find a caller by name, organization, e-mail or phone, in any script. pg_trgm is in the embedded
-- PostgreSQL, but its trigrams skip CJK text (show_trgm('张伟') is empty), and most callers' names are
-- Chinese, two or three characters long. So the index is over character bigrams of one lower-cased search
-- text (name, organization, e-mail, and the phone's digits): GIN array containment narrows the rows,
-- strpos() then checks the needle really occurs. Queries need at least two characters.
CREATE FUNCTION account_search_text(name text, organization text, email text, phone text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT lower(coalesce(name, '')) || chr(10) || lower(coalesce(organization, '')) || chr(10)
        || lower(coalesce(email, '')) || chr(10) || regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')
$$;

-- every pair of neighbouring characters (GIN keeps each key once per row); a plpgsql loop is 3x faster
-- here than an aggregate over generate_series
CREATE FUNCTION search_bigrams(haystack text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    grams text[] := '{}';
BEGIN
    FOR i IN 1 .. length(haystack) - 1 LOOP
        grams := grams || substr(haystack, i, 2);
    END LOOP;
    RETURN grams;
END
$$;

CREATE INDEX accounts_search ON accounts
    USING gin (search_bigrams(account_search_text(name, organization, email, phone)))
    WHERE role = 'organizer';
-- the list without a query, by name (the cursor is the last name and id of a page)
CREATE INDEX accounts_organizers_by_name ON accounts (lower(name), id) WHERE role = 'organizer';
