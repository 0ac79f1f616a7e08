"""Expands a ClaimReview JSON-LD file with a JSON-LD processor (pyld), as a search
engine or a fact-check database reading the structured data would. Usage:
claim_review_expand.py IN OUT. Writes {"expanded": …, "strict": …} to OUT:

- expanded: IN expanded against schema.org's context;
- strict: IN's graph expanded against the same context without its "@vocab", so a
  term that is not one of schema.org's (as listed below) is dropped instead of being
  made a schema.org IRI. The test compares the two.

schema.org's context is not fetched: there is no network here (schema.org does not
resolve), and CI may have none either. CONTEXT below is answered for it instead: the
terms the export uses, copied as they are in schema.org's own context file
(schemaorg/schemaorg, data/releases/26.0/schemaorgcontext.jsonld): "@vocab", the
aliases, the classes, and each property with its type coercion (url an IRI,
datePublished a schema:Date). Prints SKIP when pyld is not installed."""
import json
import sys

try:
    from pyld import jsonld
except ImportError as e:
    print("SKIP", e)
    sys.exit(0)

TERMS = {
    "type": "@type",
    "id": "@id",
    "schema": "http://schema.org/",
    # Classes.
    "Claim": {"@id": "schema:Claim"},
    "ClaimReview": {"@id": "schema:ClaimReview"},
    "CreativeWork": {"@id": "schema:CreativeWork"},
    "Date": {"@id": "schema:Date"},
    "Organization": {"@id": "schema:Organization"},
    "Person": {"@id": "schema:Person"},
    "Rating": {"@id": "schema:Rating"},
    # Properties.
    "alternateName": {"@id": "schema:alternateName"},
    "appearance": {"@id": "schema:appearance"},
    "author": {"@id": "schema:author"},
    "bestRating": {"@id": "schema:bestRating"},
    "claimReviewed": {"@id": "schema:claimReviewed"},
    "datePublished": {"@id": "schema:datePublished", "@type": "Date"},
    "itemReviewed": {"@id": "schema:itemReviewed"},
    "name": {"@id": "schema:name"},
    "publisher": {"@id": "schema:publisher"},
    "ratingValue": {"@id": "schema:ratingValue"},
    "reviewRating": {"@id": "schema:reviewRating"},
    "url": {"@id": "schema:url", "@type": "@id"},
    "worstRating": {"@id": "schema:worstRating"},
}
CONTEXT = {"@context": dict(TERMS, **{"@vocab": "http://schema.org/"})}
STRICT = {"@context": TERMS}
SCHEMA_URLS = {
    "http://schema.org",
    "http://schema.org/docs/jsonldcontext.jsonld",
    "http://schema.org/docs/jsonldcontext.json",
}


def loader(url, options=None):
    if url.rstrip("/").replace("https://", "http://") in SCHEMA_URLS:
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise RuntimeError("no network here, and no copy of " + url)


jsonld.set_document_loader(loader)
with open(sys.argv[1], encoding="utf-8") as f:
    document = json.load(f)
expanded = jsonld.expand(document)
strict = jsonld.expand({"@context": STRICT["@context"], "@graph": document.get("@graph", [])})
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump({"expanded": expanded, "strict": strict}, f, ensure_ascii=False, indent=1)
