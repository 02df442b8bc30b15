"""Start the tinbot chat: `python app.py [--host 127.0.0.1] [--port 7860] [...]`.

The same as `tinbot serve`; `python app.py --help` lists the flags (derived from bot/settings.py).
"""
import sys

from bot.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
