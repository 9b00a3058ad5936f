"""The regioscan: definition (YAML), the pure conversation engine, outcome, rounds and export.

Entry points: ``bot.regioscan.service.RegioscanService`` for channels and the conversation core,
``bot.regioscan.engine.step`` for the pure state machine.
"""
