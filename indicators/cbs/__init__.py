"""Real public figures from CBS StatLine: download, map to the long format, aggregate, record.

Why a package of its own: this is the only part of the assistant that touches the network
(``oogo data fetch cbs``), and only when someone runs that command. Everything it produces is a
plain long-format CSV plus a provenance record that ``oogo data import`` reads on any machine.
"""
