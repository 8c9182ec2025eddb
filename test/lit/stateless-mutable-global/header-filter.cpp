// Findings located in headers follow HeaderFilterRegex like every check;
// a write in the main file is always reported there.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -I%S/Inputs -I%stateless_include
// RUN: %check_stateless --check-suffixes=HEADERS --header-filter='.*' %s stateless-mutable-global %t -- -std=c++17 -I%S/Inputs -I%stateless_include

#include "annotated_globals.h"

void handle() {
  header_hits++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: global variable 'header_hits' is modified after start-up
  // CHECK-MESSAGES-HEADERS-DAG: annotated_globals.h:4:1: warning: STATELESS_ALLOW on 'header_hits' has unknown kind 'cahce'
  // CHECK-MESSAGES-HEADERS-DAG: :[[@LINE-3]]:3: warning: global variable 'header_hits' is modified after start-up
}
