/**
 * The closed vocabularies of the chain of identity (orders, collections, custody). The server
 * validates against them and the web app offers and labels them, so they are written once here.
 */

export const ORDER_STATUSES = ['open', 'collected', 'in_manufacturing', 'released', 'infused', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const COLLECTION_TYPES = ['apheresis', 'tissue', 'bone_marrow', 'cord'] as const;
export type CollectionType = (typeof COLLECTION_TYPES)[number];

export const CUSTODY_TYPES = ['handover', 'receipt', 'storage', 'shipment', 'infusion'] as const;
export type CustodyType = (typeof CUSTODY_TYPES)[number];
