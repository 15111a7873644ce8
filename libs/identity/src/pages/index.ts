import { AccountPageController } from './account-page.controller';
import { LoginPageController } from './login-page.controller';
import { RegisterPageController } from './register-page.controller';

/**
 * The identity pages. They sit in IdentityModule's `controllers`, beside the services they call: a separate
 * pages module would have to import IdentityModule while being imported by it.
 */
export const IDENTITY_PAGE_CONTROLLERS = [LoginPageController, RegisterPageController, AccountPageController];
