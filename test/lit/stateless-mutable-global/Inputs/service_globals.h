#pragma once
// Globals defined in another translation unit of the service.

extern int g_requests_served;

struct Limits {
  static int inflight;
  static int max_inflight;
};
