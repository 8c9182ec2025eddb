#include <stateless/annotations.h>

int request_count;

STATELESS_ALLOW(metrics, "flushed to the metrics system every second")
int latency_sum;

void handle(int ms) {
  ++request_count;
  latency_sum += ms;
}
