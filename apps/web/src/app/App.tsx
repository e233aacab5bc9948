import { RouterProvider } from 'react-router';
import { ApiProvider } from '../lib/ApiProvider';
import { router } from './router';

export function App() {
  return (
    <ApiProvider>
      <RouterProvider router={router} />
    </ApiProvider>
  );
}
