"""The client's address behind the load balancer, in one place for every limit and log."""

from django.conf import settings


class ClientAddressMiddleware:
    """With PROXY_COUNT trusted proxies in front (load balancer, TLS terminator), the
    client is the address they appended to X-Forwarded-For, counted from the right;
    anything further left was written by the client and is not trusted."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.proxies = settings.PROXY_COUNT

    def __call__(self, request):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if self.proxies and forwarded:
            hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
            if len(hops) >= self.proxies:
                request.META["REMOTE_ADDR"] = hops[-self.proxies]
        return self.get_response(request)
