"""Offline gazetteer and Wikidata readers for the linking stage.

>>> from ingest.gazetteer import Gazetteer
>>> g = Gazetteer.load()                      # shipped data/gazetteer.jsonl, cached
>>> g.lookup("Takhar")[0].qid
'Q186395'
>>> g.demonym("Tajik")
'country/tj'
"""

from .gazetteer import Gazetteer, Match
from .model import FORMAT_VERSION, Entry, Issue, Report, SourceInfo
from .store import DEFAULT_PATH, GazetteerFormatError
from .wikidata import WikidataDumpError, WikidataEntity, iter_dump, read_wbgetentities

__all__ = [
    "DEFAULT_PATH",
    "FORMAT_VERSION",
    "Entry",
    "Gazetteer",
    "GazetteerFormatError",
    "Issue",
    "Match",
    "Report",
    "SourceInfo",
    "WikidataDumpError",
    "WikidataEntity",
    "iter_dump",
    "read_wbgetentities",
]
