// Names longer than a box of the report's picture or a cell of its table:
// the page wraps them, and shows each whole.
#include <stateless/annotations.h>

#include <fstream>
#include <map>
#include <string>
#include <thread>

namespace acme::storefront::checkout_service::internal_state_management {

std::map<std::string, std::string> pending_payment_authorisations_by_customer_session_identifier;
unsigned long long total_number_of_authorisation_requests_served_by_this_instance_since_start_up;

STATELESS_HANDLER void handle_the_request_to_authorise_a_pending_payment_for_a_customer(
    const std::string &session) {
  pending_payment_authorisations_by_customer_session_identifier[session] = "pending";
  ++total_number_of_authorisation_requests_served_by_this_instance_since_start_up;
  std::ofstream("/var/lib/acme/storefront/checkout_service/receipts/pending_payment_authorisations.log");
  std::thread([] {}).detach();
}

} // namespace acme::storefront::checkout_service::internal_state_management
