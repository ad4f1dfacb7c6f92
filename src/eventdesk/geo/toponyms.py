def parse(text, config=None):
    raise NotImplementedError
