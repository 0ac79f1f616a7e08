"""Passes a W3C Web Annotation file through a JSON-LD processor (pyld): expanded with a
base IRI, then compacted again against the annotation context, as a linked-data store
or another annotation tool would. Usage: jsonld_round_trip.py IN OUT.

There is no network here, so the context document that the export names,
http://www.w3.org/ns/anno.jsonld, is answered from CONTEXT below: the terms of that
context which spanmark's export uses, written from the Web Annotation Vocabulary
(https://www.w3.org/TR/annotation-vocab/). Prints SKIP when pyld is not installed."""
import json
import sys

try:
    from pyld import jsonld
except ImportError as e:
    print("SKIP", e)
    sys.exit(0)

CONTEXT = {"@context": {
    "oa": "http://www.w3.org/ns/oa#",
    "as": "http://www.w3.org/ns/activitystreams#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "id": {"@type": "@id", "@id": "@id"},
    "type": {"@type": "@id", "@id": "@type"},
    "Annotation": "oa:Annotation",
    "AnnotationCollection": "as:OrderedCollection",
    "AnnotationPage": "as:OrderedCollectionPage",
    "TextualBody": "oa:TextualBody",
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "TextPositionSelector": "oa:TextPositionSelector",
    "tagging": "oa:tagging",
    "commenting": "oa:commenting",
    # Relations: linking annotations (their targets, in order, are from and to).
    "linking": "oa:linking",
    "motivation": {"@type": "@vocab", "@id": "oa:motivatedBy"},
    "body": {"@type": "@id", "@id": "oa:hasBody"},
    "target": {"@type": "@id", "@id": "oa:hasTarget"},
    "source": {"@type": "@id", "@id": "oa:hasSource"},
    "selector": {"@type": "@id", "@id": "oa:hasSelector"},
    "items": {"@type": "@id", "@id": "as:items", "@container": "@list"},
    "partOf": {"@type": "@id", "@id": "as:partOf"},
    "first": {"@type": "@id", "@id": "as:first"},
    "purpose": {"@type": "@vocab", "@id": "oa:hasPurpose"},
    "value": "rdf:value",
    "exact": "oa:exact",
    "prefix": "oa:prefix",
    "suffix": "oa:suffix",
    "label": "rdfs:label",
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "total": {"@id": "as:totalItems", "@type": "xsd:nonNegativeInteger"},
    # Who made an annotation, when and with what, as the Web Annotation context has them.
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "Person": "foaf:Person",
    "Software": "as:Application",
    "name": "foaf:name",
    "creator": {"@type": "@id", "@id": "dcterms:creator"},
    "created": {"@id": "dcterms:created", "@type": "xsd:dateTime"},
    "generator": {"@type": "@id", "@id": "as:generator"},
}}
ANNO = "http://www.w3.org/ns/anno.jsonld"


def loader(url, options=None):
    if url.rstrip("/").replace("https://", "http://") == ANNO:
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise RuntimeError("no network here, and no copy of " + url)


jsonld.set_document_loader(loader)
with open(sys.argv[1], encoding="utf-8") as f:
    document = json.load(f)
# Expanded against a base (as a store that received the file from that address), then
# compacted without one: relative IRIs stay absolute, as they would in the store.
expanded = jsonld.expand(document, {"base": "http://example.org/articles/"})
compacted = jsonld.compact(expanded, ANNO)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(compacted, f, ensure_ascii=False, indent=1)
print("OK", len(json.dumps(expanded)))
