/** Reads a scanned ISBT 128 string and says what it contains. */
import { Isbt128Error, parseScan } from '@hepatica/core';
import { z } from 'zod';
import type { RoutePlugin } from '../../platform/app-types';
import { unprocessable } from '../../platform/errors';
import { homeSite } from '../sites/sites.service';

const parseBody = z.object({ data: z.string().min(1, 'Scan or type the barcode data').max(500) });

export const isbt128Routes: RoutePlugin = (app, { database: { db } }) => {
  app.post(
    '/isbt128/parse',
    { config: { permission: 'isbt128:parse' }, schema: { tags: ['isbt128'], body: parseBody } },
    async (request) => {
      // Expiry dates are local to the labelling facility: read them in the site's time zone.
      const { timeZone } = await homeSite(db);
      try {
        return parseScan(request.body.data, { timeZone });
      } catch (error) {
        if (error instanceof Isbt128Error) throw unprocessable(error.message, { code: `isbt128.${error.code}`, errors: [{ path: 'body.data', message: error.message }] });
        throw error;
      }
    },
  );
};
