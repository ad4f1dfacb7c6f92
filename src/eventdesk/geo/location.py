def locate(events, articles, config):
    raise NotImplementedError
