// PaymentOffers
