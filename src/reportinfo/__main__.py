"""``python -m reportinfo``: the same as the console script."""

if __name__ == "__main__":
    from reportinfo.entry import main

    main()
